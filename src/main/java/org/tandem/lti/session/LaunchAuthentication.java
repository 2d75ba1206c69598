package org.tandem.lti.session;

import java.util.List;

import org.tandem.lti.LaunchSession;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The Spring Security form of a launch session: its roles become authorities. */
public class LaunchAuthentication extends AbstractAuthenticationToken {

	private final LaunchSession session;

	public LaunchAuthentication(LaunchSession session) {
		super(session.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
		this.session = session;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return "";
	}

	@Override
	public LaunchSession getPrincipal() {
		return session;
	}

	@Override
	public String getName() {
		return session.platformId() + ":" + session.subject();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LaunchAuthentication that && super.equals(that) && session.equals(that.session);
	}

	@Override
	public int hashCode() {
		return session.hashCode();
	}

}
