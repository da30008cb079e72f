package dev.argus.messaging.credentials;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Applies {@link DefaultPasswords} to the settings of the process before any bean connects anywhere (it runs with
 * the bean factory post-processors): RabbitMQ ({@code spring.rabbitmq.password}, Boot's default guest when unset, for
 * {@code spring.rabbitmq.host} or the hosts of {@code spring.rabbitmq.addresses}), PostgreSQL
 * ({@code spring.datasource.password} for the hosts of {@code spring.datasource.url}) and the FTP store
 * ({@code argus.ftp.password} for {@code argus.ftp.host}); a setting the process does not have is skipped.
 *
 * @throws IllegalStateException at start, naming the settings, when a well-known password goes to a remote host
 */
public final class DefaultPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String problem = DefaultPasswords.problem(settings(environment));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    static List<DefaultPasswords.Setting> settings(Environment environment) {
        List<DefaultPasswords.Setting> settings = new ArrayList<>();
        String addresses = environment.getProperty("spring.rabbitmq.addresses");
        List<String> rabbitHosts = addresses == null || addresses.isBlank()
                ? List.of(environment.getProperty("spring.rabbitmq.host", "localhost"))
                : Arrays.stream(addresses.split(",")).map(DefaultPasswordCheck::hostOf).toList();
        settings.add(new DefaultPasswords.Setting("spring.rabbitmq.password",
                environment.getProperty("spring.rabbitmq.password", "guest"), rabbitHosts));
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.contains("//")) {
            String authority = url.substring(url.indexOf("//") + 2).split("[/?]", 2)[0];
            settings.add(new DefaultPasswords.Setting("spring.datasource.password",
                    environment.getProperty("spring.datasource.password"),
                    Arrays.stream(authority.split(",")).map(DefaultPasswordCheck::hostOf).toList()));
        }
        String ftpHost = environment.getProperty("argus.ftp.host");
        if (ftpHost != null) {
            settings.add(new DefaultPasswords.Setting("argus.ftp.password",
                    environment.getProperty("argus.ftp.password"), List.of(ftpHost)));
        }
        return settings;
    }

    /** The host of {@code [scheme://][user[:password]@]host[:port][/...]}, IPv6 in brackets kept whole. */
    static String hostOf(String address) {
        String rest = address.trim();
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        rest = rest.split("[/?]", 2)[0];
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            rest = rest.substring(at + 1);
        }
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            return close > 0 ? rest.substring(0, close + 1) : rest;
        }
        int colon = rest.indexOf(':');
        return colon >= 0 ? rest.substring(0, colon) : rest;
    }
}
