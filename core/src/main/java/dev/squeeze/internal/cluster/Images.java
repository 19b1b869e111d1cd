package dev.squeeze.internal.cluster;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The default images, kept in one build-filtered resource so the pom names the tested k3s version once. */
@API(status = INTERNAL, since = "0.1")
public final class Images {

    private static final Properties DEFAULTS = load();

    private Images() {
    }

    /** The tested k3s image, such as {@code rancher/k3s:v1.34.4-k3s1}. */
    public static String defaultK3sImage() {
        return DEFAULTS.getProperty("k3s.image");
    }

    /** The JRE 22+ image the memory hog runs on by default: {@code eclipse-temurin:25-jre}. */
    public static String defaultJreImage() {
        return DEFAULTS.getProperty("jre.image");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Images.class.getResourceAsStream("/dev/squeeze/squeeze-defaults.properties")) {
            if (in == null) {
                throw new IllegalStateException("squeeze-defaults.properties missing from the squeeze-core jar");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
