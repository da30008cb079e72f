package dev.argus.probe.store;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.FtpFileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared file store, read-only from the probe's side. Connections are opened on first use. */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean(destroyMethod = "close")
    FileStore fileStore(FtpProperties properties) {
        return new FtpFileStore(properties.toSettings());
    }
}
