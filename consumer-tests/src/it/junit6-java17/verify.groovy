// ShopSurvivesAHogIT ran (not skipped) and passed on Java 17, logged through slf4j-simple and wrote its report.
def check = evaluate(new File(consumerChecks))
return check(basedir, 'com.example.shop.ShopSurvivesAHogIT', '17')
