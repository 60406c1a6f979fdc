package fr.tissu.api;

/**
 * The tag of the test classes that read the shared sample service ({@link TestData#shared()}): the build runs them a
 * second time with the service on a remote store (a Fuseki server on loopback), where they must give the same
 * answers (the {@code remote-store} run of the API module).
 */
final class SharedSample {
    static final String TAG = "shared-sample";

    private SharedSample() {
    }
}
