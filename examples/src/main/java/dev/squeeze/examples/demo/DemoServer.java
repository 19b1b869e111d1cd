package dev.squeeze.examples.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * The example workload: a small HTTP service, as a team would run it, with a warm in-memory cache whose size comes
 * from {@code CACHE_MIB} (so its memory request and limit mean something) and a {@code /healthz} readiness endpoint.
 * Runs on a stock JRE; no dependencies.
 */
public final class DemoServer {

    private static volatile byte[][] cache;

    private DemoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        int cacheMib = Integer.parseInt(System.getenv().getOrDefault("CACHE_MIB", "64"));
        cache = warm(cacheMib);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/healthz", exchange -> reply(exchange, 200, "ok\n"));
        server.createContext("/", exchange -> reply(exchange, 200,
                "squeeze demo: " + cache.length + " MiB cache warm on " + System.getenv("HOSTNAME") + "\n"));
        server.start();
        System.out.println("demo server listening on :" + port + " with a " + cacheMib + " MiB cache");
    }

    /** Touches every page so the cache is resident, like a real service's heap after warm-up. */
    private static byte[][] warm(int mib) {
        byte[][] blocks = new byte[mib][];
        for (int i = 0; i < mib; i++) {
            blocks[i] = new byte[1 << 20];
            for (int j = 0; j < blocks[i].length; j += 4096) {
                blocks[i][j] = (byte) i;
            }
        }
        return blocks;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
