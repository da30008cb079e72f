package dev.argus.frontend.store;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.FtpFileStore;
import dev.argus.common.store.MeteredFileStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store the uploads are written to: the FTP server, files under {@code ab/cd/<sha256>}; failed
 * operations are counted ({@link MeteredFileStore}). */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean(destroyMethod = "close")
    FileStore fileStore(FtpProperties properties, MeterRegistry registry) {
        return new MeteredFileStore(new FtpFileStore(properties.toSettings()), registry);
    }
}
