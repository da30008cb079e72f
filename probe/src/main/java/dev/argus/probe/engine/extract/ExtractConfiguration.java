package dev.argus.probe.engine.extract;

import dev.argus.common.store.FileStore;
import dev.argus.common.store.FtpFileStore;
import dev.argus.common.store.MeteredFileStore;
import dev.argus.probe.store.FtpProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the extract engine bean; it runs when {@code argus.probe.engines} is empty or names {@code extract}. It
 * stores members with its own FTP account when one is set ({@link ExtractStoreProperties}).
 */
@Configuration(proxyBeanMethods = false)
class ExtractConfiguration {

    @Bean(destroyMethod = "close")
    MemberStore extractMemberStore(ExtractStoreProperties account, FtpProperties ftp, FileStore probeStore,
                                   MeterRegistry registry) {
        if (!account.ownAccount()) {
            return new MemberStore(probeStore, false);
        }
        return new MemberStore(new MeteredFileStore(new FtpFileStore(ftp.toSettings(account.ftpUsername(),
                account.ftpPassword() == null ? "" : account.ftpPassword())), registry), true);
    }

    @Bean
    ExtractEngine extractEngine(ExtractProperties properties, MemberStore members) {
        return new ExtractEngine(properties, members.store());
    }
}
