package dev.argus.probe.store;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.FtpFileStore;
import dev.argus.common.store.MeteredFileStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared file store, read-only from the probe's side. Connections are opened on first use; failed
 * operations are counted ({@link MeteredFileStore}). */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean(destroyMethod = "close")
    FileStore fileStore(FtpProperties properties, MeterRegistry registry) {
        return new MeteredFileStore(new FtpFileStore(properties.toSettings()), registry);
    }
}
