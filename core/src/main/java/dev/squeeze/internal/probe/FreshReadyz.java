package dev.squeeze.internal.probe;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
import dev.squeeze.report.ProbeOutcome;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.internal.SSLUtils;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@code GET /readyz} over a brand-new TCP connection and a full TLS handshake, every time: a fresh
 * {@link SSLContext} per attempt, so not even a TLS session is resumed. This is what a new {@code kubectl} does and
 * what fails first ("TLS handshake timeout") when the API server starves; a pooled keep-alive connection hides it.
 */
@API(status = INTERNAL, since = "0.1")
public final class FreshReadyz {

    private final String host;
    private final int port;
    private final KeyManager[] keyManagers;
    private final TrustManager[] trustManagers;
    private final String authorization;
    private final boolean verifyHostname;
    private final Duration timeout;

    FreshReadyz(Config config, Duration timeout) {
        URI master = URI.create(config.getMasterUrl());
        this.host = master.getHost();
        this.port = master.getPort() > 0 ? master.getPort() : 443;
        try {
            this.keyManagers = SSLUtils.keyManagers(config);
            this.trustManagers = SSLUtils.trustManagers(config);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the TLS material of the kubeconfig for " + master
                    + " (client certificate, key or CA): " + e.getMessage(), e);
        }
        String token = config.getAutoOAuthToken() != null ? config.getAutoOAuthToken() : config.getOauthToken();
        this.authorization = token == null || token.isBlank() ? null : "Bearer " + token;
        this.verifyHostname = !config.isDisableHostnameVerification() && !config.isTrustCerts();
        this.timeout = timeout;
    }

    ProbeOutcome check() {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String stage = "connect";
        try (Socket tcp = new Socket()) {
            tcp.connect(new InetSocketAddress(host, port), millisLeft(deadline));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true)) {
                if (verifyHostname) {
                    SSLParameters params = tls.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(params);
                }
                stage = "TLS handshake";
                tls.setSoTimeout(millisLeft(deadline));
                tls.startHandshake();
                stage = "response";
                tls.setSoTimeout(millisLeft(deadline));
                return exchange(tls, start);
            }
        } catch (SocketTimeoutException e) {
            return ProbeOutcome.failure(since(start), stage + " timeout after " + format(timeout) + " (" + host + ":" + port + ")");
        } catch (ConnectException e) {
            return ProbeOutcome.failure(since(start), "connection refused by " + host + ":" + port);
        } catch (SSLException e) {
            return ProbeOutcome.failure(since(start), "TLS handshake failed: " + ApiGet.describe(e));
        } catch (IOException | java.security.GeneralSecurityException e) {
            return ProbeOutcome.failure(since(start), stage + " failed: " + ApiGet.describe(e));
        }
    }

    private ProbeOutcome exchange(SSLSocket tls, long start) throws IOException {
        StringBuilder request = new StringBuilder()
                .append("GET /readyz HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("User-Agent: squeeze-probe\r\n")
                .append("Connection: close\r\n");
        if (authorization != null) {
            request.append("Authorization: ").append(authorization).append("\r\n");
        }
        OutputStream out = tls.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = tls.getInputStream();
        String response = readHead(in);
        int status = status(response);
        if (status == 200) {
            return ProbeOutcome.success(since(start), status);
        }
        response += readBody(in);
        int bodyStart = response.indexOf("\r\n\r\n");
        String body = bodyStart >= 0 ? response.substring(bodyStart + 4) : "";
        String detail = body.lines().filter(l -> l.startsWith("[-]")).findFirst().orElse(ApiGet.firstLine(body, 160));
        return ProbeOutcome.failure(since(start), status < 0 ? "no HTTP response to GET /readyz"
                : "HTTP " + status + " from /readyz" + (detail.isBlank() ? "" : ": " + detail));
    }

    /** Reads up to the end of the headers: the status is all a healthy answer needs, whatever the server keeps open. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        for (int b; head.size() < 8192 && (b = in.read()) >= 0; ) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == end.length) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Some of the body of a failed answer, for the error text; what does not come before the deadline is left. */
    private static String readBody(InputStream in) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] chunk = new byte[1024];
        try {
            for (int n; body.size() < 4096 && (n = in.read(chunk)) > 0; ) {
                body.write(chunk, 0, n);
            }
        } catch (IOException timeoutOrReset) {
            // keep what arrived
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    static int status(String response) {
        // "HTTP/1.1 200 OK"
        String[] parts = response.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int millisLeft(long deadline) throws SocketTimeoutException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String format(Duration d) {
        return dev.squeeze.internal.units.Durations.format(d);
    }
}
