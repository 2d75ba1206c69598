package org.tandem.lti.session;

import org.tandem.system.RandomTokens;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Launch sessions: in the database (shared by instances), carried by the page. */
@Configuration(proxyBeanMethods = false)
class LaunchSessionConfiguration {

	@Bean
	HttpSessionIdResolver pageSessionIdResolver() {
		return new PageSessionIdResolver();
	}

	/** 256 random bits, base64url: the id is the only credential a page holds. */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> randomSessionIds() {
		SessionIdGenerator generator = () -> RandomTokens.urlSafe(32);
		return repository -> repository.setSessionIdGenerator(generator);
	}

	@Bean
	FilterRegistrationBean<SessionLinks> sessionLinks() {
		FilterRegistrationBean<SessionLinks> registration = new FilterRegistrationBean<>(new SessionLinks());
		// Right after Spring Session's filter, so that getSession() is the shared
		// session.
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

}
