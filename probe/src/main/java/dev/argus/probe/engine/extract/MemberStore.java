package dev.argus.probe.engine.extract;

import dev.argus.common.store.FileStore;

/**
 * Where the extraction engine stores the members it finds: a file store of its own account when it has one
 * (closed with the context), else the probe's.
 *
 * @param store the store to write to
 * @param owned true when this engine opened it, and closes it
 */
record MemberStore(FileStore store, boolean owned) implements AutoCloseable {

    @Override
    public void close() {
        if (owned) {
            store.close();
        }
    }
}
