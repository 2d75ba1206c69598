package org.tandem.lti.session;

import org.tandem.system.RandomTokens;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

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

	/**
	 * Every GET form carries the session as a hidden field, beside the CSRF token of
	 * Spring Security's processor, which Thymeleaf asks for the fields of every form.
	 */
	@Bean
	static BeanPostProcessor sessionFormFields() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof RequestDataValueProcessor processor && !(bean instanceof SessionFormFields)
						? new SessionFormFields(processor) : bean;
			}
		};
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
