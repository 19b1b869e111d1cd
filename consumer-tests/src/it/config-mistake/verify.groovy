// The build failed for the right reason: the test class failed with Squeeze's configuration error naming the
// attribute and the value, and no k3s node was started for it.
def log = new File(basedir, 'build.log').text
def report = new File(basedir, 'target/failsafe-reports/TEST-com.example.typo.MegabytesInsteadOfMebibytesIT.xml')
assert report.isFile() : 'the Failsafe report is missing: did the build fail before the test ran (compile error)?'
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@errors.text() != '0' || suite.@failures.text() != '0' : 'MegabytesInsteadOfMebibytesIT did not fail'
assert suite.@skipped.text() == '0' : 'MegabytesInsteadOfMebibytesIT was skipped instead of failing'

// The stable part of the message: the exception type, the subject @MemoryHog(size) and the value as written.
def line = log.readLines().find { it.contains('ExtensionConfigurationException') && it.contains('3000MB') }
assert line != null : "build.log has no ExtensionConfigurationException naming the value 3000MB"
assert line.contains('@MemoryHog(size)') : "the message does not name the attribute @MemoryHog(size): ${line}"
assert !log.contains('a test with an invalid @MemoryHog must not run') : 'the test method ran'
assert !(log =~ /(?i)starting k3s|rancher\/k3s:v/) : 'a k3s node was started for an invalid configuration'
return true
