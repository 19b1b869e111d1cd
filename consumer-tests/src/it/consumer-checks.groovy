// Shared by the consumers' verify.groovy: a green build is only a pass if the chaos test really ran.
// Returns a closure: (File basedir, String testClass, String javaSpecVersion or null) -> true, or fails an assert.
return { File basedir, String testClass, String javaSpec ->
    def reports = new File(basedir, 'target/failsafe-reports').listFiles()?.findAll { it.name ==~ /TEST-.*\.xml/ } ?: []
    assert reports*.name == ["TEST-${testClass}.xml"] : "expected the Failsafe report of ${testClass}, found ${reports*.name}"
    def suite = new groovy.xml.XmlSlurper().parse(reports[0])
    def counts = ['tests', 'skipped', 'failures', 'errors'].collectEntries { [(it): suite."@$it".text()] }
    assert counts == [tests: '1', skipped: '0', failures: '0', errors: '0'] : "${testClass} did not run green: ${counts}"
    if (javaSpec != null) {
        def spec = suite.properties.property.find { it.@name == 'java.specification.version' }.@value.text()
        assert spec == javaSpec : "${testClass} ran on Java ${spec}, expected ${javaSpec}"
    }
    def log = new File(basedir, 'build.log').text
    assert log =~ /INFO dev\.squeeze\./ : 'no Squeeze progress log in build.log: is an SLF4J provider on the test classpath?'
    def html = new File(basedir, 'target/squeeze-reports').listFiles()?.findAll { it.name.endsWith('.html') } ?: []
    assert html.size() == 1 : "expected one HTML report in target/squeeze-reports, found ${html*.name}"
    return true
}
