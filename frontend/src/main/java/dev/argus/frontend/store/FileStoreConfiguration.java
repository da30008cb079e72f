package dev.argus.frontend.store;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.FtpFileStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The file store the uploads are written to: the FTP server, files under {@code ab/cd/<sha256>}. */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean(destroyMethod = "close")
    FileStore fileStore(FtpProperties properties) {
        return new FtpFileStore(properties.toSettings());
    }
}
