package org.tandem.lti;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.tandem.lti.platform.PlatformRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered platforms. Registrations live in the database; this keeps a snapshot in
 * memory so that logins and page headers need no query, and reloads it when this instance
 * registers a platform and every minute for changes made by other instances.
 */
@Service
public class PlatformRegistry {

	private final PlatformRepository repository;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private volatile List<Platform> platforms = List.of();

	private volatile Set<String> frameAncestors = Set.of();

	PlatformRegistry(PlatformRepository repository, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.clock = clock;
		this.events = events;
		reload();
	}

	/** Creates or updates a platform, its deployments and the engineers it names. */
	@Transactional
	public Platform register(PlatformRegistration registration, String source) {
		long id = repository.save(registration, source, clock.instant());
		repository.replaceDeployments(id, registration.deploymentIds());
		repository.replaceEngineers(id, "registration", registration.engineers());
		reload();
		Platform platform = byId(id).orElseThrow();
		events.publishEvent(new PlatformRegistered(platform, registration.webServices()));
		return platform;
	}

	public Optional<Platform> byId(long id) {
		return platforms.stream().filter(p -> p.id() == id).findFirst();
	}

	/**
	 * The enabled platforms known by this issuer (several when Moodle registered Tandem
	 * twice).
	 */
	public List<Platform> byIssuer(String issuer) {
		return platforms.stream().filter(p -> p.enabled() && p.issuer().equals(issuer)).toList();
	}

	public List<Platform> all() {
		return platforms;
	}

	/** Origins allowed to frame Tandem: every enabled platform's site. */
	public Set<String> frameAncestors() {
		return frameAncestors;
	}

	/** Engineers are designated per platform, by LMS user id or e-mail. */
	public boolean isEngineer(Platform platform, String subject, String email) {
		return repository.isEngineer(platform.id(), subject, email);
	}

	@Scheduled(fixedDelayString = "${tandem.lti.registry-refresh:60s}")
	void reload() {
		List<Platform> loaded = List.copyOf(repository.findAll());
		Set<String> origins = new TreeSet<>();
		loaded.stream().filter(Platform::enabled).forEach(p -> origins.add(p.origin()));
		platforms = loaded;
		frameAncestors = Set.copyOf(origins);
	}

}
