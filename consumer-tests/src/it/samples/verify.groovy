// Every Java sample of README.md and of the public javadoc compiled (or the build had failed), README's first test
// ran green on k3s, and its soft-assertions sample ran on the same report.
def check = evaluate(new File(consumerChecks))
check(basedir, 'readme.ReadmeSamplesIT', null)

def log = new File(basedir, 'build.log').text
assert log.contains('README soft-assertions sample passed on the report of') :
        'the README soft-assertions sample did not run after the first test'

// the extractor saw every ```java block of the README (none was skipped) and some javadoc
def listing = new File(basedir, 'target/samples/samples.txt').readLines()
def readme = new File(readmeFile).text
def blocks = (readme =~ /(?m)^```java$/).size()
def extracted = listing.count { it.contains('<- README.md ') }
assert extracted == blocks : "README.md has ${blocks} java blocks, but ${extracted} were compiled: ${listing}"
assert listing.count { it.contains('<- dev/squeeze/') } > 0 : "no javadoc sample was compiled: ${listing}"
assert new File(basedir, 'src/test/resources/k8s/app.yaml').isFile() : "README.md's k8s/app.yaml was not extracted"
return true
