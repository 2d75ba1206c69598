package org.tandem.lti;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How Tandem talks LTI with its platforms.
 *
 * @param platformsDir folder of platform registration files, one {@code *.yml} per
 * platform
 * @param platformFiles more registration files, by location ({@code classpath:} or
 * {@code file:}): the demo platform's, for one
 * @param loginTimeout how long a login state may wait for its launch
 * @param clockSkew allowance on {@code exp}, {@code iat} and {@code nbf}: Moodle's tokens
 * live 60 s, so a few seconds of drift between clocks matters
 * @param maxIdTokenSize larger tokens are refused before being parsed
 * @param jwks fetching and caching of the platforms' key sets
 */
@Validated
@ConfigurationProperties("tandem.lti")
public record LtiProperties(@DefaultValue("lti-config/platforms") @NotNull Path platformsDir,
		@DefaultValue List<Resource> platformFiles, @DefaultValue("5m") @NotNull Duration loginTimeout,
		@DefaultValue("10s") @NotNull Duration clockSkew, @DefaultValue("32KB") @NotNull DataSize maxIdTokenSize,
		@DefaultValue @NotNull Jwks jwks) {

	/**
	 * @param connectTimeout and
	 * @param readTimeout bound how long a launch waits for a platform's key set
	 * @param sizeLimit a larger key set is refused as garbage
	 * @param defaultTtl cache time when the platform sends no
	 * {@code Cache-Control: max-age}
	 * @param minTtl lower bound on the cache time the platform asks for
	 * @param maxTtl upper bound on the cache time the platform asks for
	 * @param minRefreshInterval an unknown {@code kid} fetches the key set again at most
	 * this often
	 * @param outageTtl how long the last good key set keeps serving while the platform's
	 * endpoint is down
	 * @param refreshWait how long launches wait for a fetch another launch started
	 */
	public record Jwks(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("3s") Duration readTimeout,
			@DefaultValue("64KB") DataSize sizeLimit, @DefaultValue("15m") Duration defaultTtl,
			@DefaultValue("1m") Duration minTtl, @DefaultValue("24h") Duration maxTtl,
			@DefaultValue("30s") Duration minRefreshInterval, @DefaultValue("24h") Duration outageTtl,
			@DefaultValue("5s") Duration refreshWait) {
	}

}
