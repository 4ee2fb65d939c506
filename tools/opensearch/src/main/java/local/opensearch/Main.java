package local.opensearch;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.settings.Settings;

/**
 * Starts a single embedded OpenSearch node (one JVM) for local development and CI.
 *
 * <p>Configuration (environment variables):
 * <ul>
 *   <li>OPENSEARCH_PORT            HTTP port (default 9201). Fails if the port is taken.</li>
 *   <li>OPENSEARCH_HOST            bind address (default 127.0.0.1)</li>
 *   <li>OPENSEARCH_TRANSPORT_PORT  transport port or range (default 9300-9400)</li>
 *   <li>OPENSEARCH_BASE_DIR        directory for config/data/logs (default: a fresh temp dir
 *                                  that is deleted on shutdown). The first program argument,
 *                                  if given, overrides this.</li>
 *   <li>OPENSEARCH_CLUSTER_NAME    cluster name (default migraup-local)</li>
 * </ul>
 *
 * <p>Prints a line starting with "ready" once cluster health is yellow or green, then runs
 * until killed. SIGTERM/SIGINT close the node cleanly (JVM shutdown hook).
 */
public final class Main {

    // OpenSearch's logging setup redirects System.out/err into log4j; keep the real
    // streams so the "ready" line is printed verbatim (scripts grep for "^ready").
    private static final PrintStream out = System.out;
    private static final PrintStream err = System.err;

    private Main() {
    }

    private static String env(final String name, final String def) {
        final String v = System.getenv(name);
        return v == null || v.isBlank() ? def : v.trim();
    }

    public static void main(final String[] args) throws Exception {
        final int port = Integer.parseInt(env("OPENSEARCH_PORT", "9201"));
        final String host = env("OPENSEARCH_HOST", "127.0.0.1");
        final String transportPort = env("OPENSEARCH_TRANSPORT_PORT", "9300-9400");
        final String clusterName = env("OPENSEARCH_CLUSTER_NAME", "migraup-local");
        String baseDir = args.length > 0 ? args[0] : env("OPENSEARCH_BASE_DIR", null);
        final boolean tempDir = baseDir == null;
        if (tempDir) {
            baseDir = Files.createTempDirectory("opensearch-local-").toAbsolutePath().toString();
        } else {
            baseDir = Paths.get(baseDir).toAbsolutePath().toString();
            Files.createDirectories(Paths.get(baseDir));
        }
        final Path basePath = Paths.get(baseDir);

        final OpenSearchRunner runner = new OpenSearchRunner();
        // Do not probe for a free port: use exactly OPENSEARCH_PORT and fail if it is taken.
        runner.setMaxHttpPort(-1);
        runner.onBuild((index, settings) -> {
            settings.put("http.port", String.valueOf(port));
            settings.put("network.host", host);
            settings.put("transport.port", transportPort);
            // One node that elects itself immediately; no bootstrap/discovery wait.
            settings.put("discovery.type", "single-node");
            // Do not turn indices read-only / refuse shards on a nearly full CI disk.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicBoolean closed = new AtomicBoolean(false);
        final Thread hook = new Thread(() -> {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            out.println("opensearch-local: shutting down");
            closeAndClean(runner, tempDir, basePath);
            out.println("opensearch-local: stopped");
            out.flush();
            stopped.countDown();
        }, "opensearch-local-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        try {
            runner.build(OpenSearchRunner.newConfigs()
                    .basePath(baseDir)
                    .numOfNode(1)
                    // only for the runner's banner (http.port is set above); must not be negative
                    .baseHttpPort(Math.max(port - 1, 0))
                    .clusterName(clusterName)
                    .printOnFailure());
            runner.ensureYellow();
            // A single node cannot hold replicas: without this every new index (Wagtail
            // creates them without number_of_replicas) would leave the cluster yellow.
            // Only read from the cluster state (not node settings), so set it via the API.
            runner.admin().cluster().prepareUpdateSettings()
                    .setPersistentSettings(Settings.builder()
                            .put("cluster.default_number_of_replicas", 0))
                    .get();
            final ClusterHealthStatus status = runner.ensureYellow();
            final String version = org.opensearch.Version.CURRENT.toString();
            out.println("ready http://" + host + ":" + port + " status=" + status
                    + " opensearch=" + version + " base=" + baseDir);
            out.flush();
        } catch (final Throwable t) {
            err.println("opensearch-local: failed to start: " + t);
            t.printStackTrace(err);
            err.flush();
            if (!closed.compareAndSet(false, true)) {
                // SIGTERM during start-up: the shutdown hook is already cleaning up.
                stopped.await();
                return;
            }
            // A node that failed in start() is not registered with the runner, so close()
            // cannot stop it; clean up here and halt (skipping the hook) instead.
            closeAndClean(runner, tempDir, basePath);
            err.flush();
            out.flush();
            Runtime.getRuntime().halt(1);
        }

        stopped.await();
    }

    /** Stops the node and removes its temporary data folder, reporting (not throwing) errors. */
    private static void closeAndClean(final OpenSearchRunner runner, final boolean tempDir,
            final Path basePath) {
        try {
            runner.close();
        } catch (final Exception e) {
            err.println("opensearch-local: error while closing: " + e);
        }
        if (tempDir) {
            deleteTree(basePath);
        }
    }

    private static void deleteTree(final Path root) {
        // No anonymous classes here: this runs in the shutdown hook, when loading a class
        // that was not loaded before may fail (e.g. if target/ was rebuilt meanwhile).
        // Retried: a node thread may still write a file while we delete.
        IOException last = null;
        for (int attempt = 0; attempt < 10 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                final List<Path> all = paths.sorted(Comparator.reverseOrder())
                        .collect(Collectors.toList());
                for (final Path p : all) {
                    Files.deleteIfExists(p);
                }
            } catch (final IOException | java.io.UncheckedIOException e) {
                last = e instanceof IOException ? (IOException) e
                        : ((java.io.UncheckedIOException) e).getCause();
                try {
                    Thread.sleep(200);
                } catch (final InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (Files.exists(root)) {
            err.println("opensearch-local: could not delete " + root + ": " + last);
        }
    }
}
