// ShopSurvivesAHogIT ran (not skipped) and passed on Java 17, logged through slf4j-simple and wrote its report.
def check = evaluate(new File(consumerChecks))
check(basedir, 'com.example.shop.ShopSurvivesAHogIT', '17')

// README.md's "Getting started" fragment is this project's: the same elements with the same values, in order.
def leaves = { String xml ->
    (xml.replaceAll(/(?s)<!--.*?-->/, '') =~ /<([\w.]+)>([^<]*)<\/\1>/).collect { "${it[1]}=${it[2].trim()}" }
}
def pom = new File(basedir, 'pom.xml').text
def ours = leaves(pom.substring(pom.indexOf('<!-- README begin -->'), pom.indexOf('<!-- README end -->')))
def readme = new File(readmeFile).text
def theirs = leaves((readme =~ /(?s)## Getting started.*?```xml\n(.*?)```/)[0][1])
assert Collections.indexOfSubList(theirs, ours) >= 0 :
        "README.md's Getting started fragment differs from this consumer's pom.xml:\n  README:   ${theirs}\n  consumer: ${ours}"
return true
