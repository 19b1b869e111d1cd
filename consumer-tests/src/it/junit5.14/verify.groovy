// OrdersOnASmallNodeIT ran (not skipped) and passed on JUnit 5.14, logged through slf4j-simple and wrote its report.
def check = evaluate(new File(consumerChecks))
return check(basedir, 'com.example.orders.OrdersOnASmallNodeIT', null)
