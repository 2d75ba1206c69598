package org.tandem.lti.keys;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tandem.lti.LaunchClient;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.Messages;
import org.tandem.lti.RefusedLaunchesTest;
import org.tandem.lti.TestPlatform;
import org.tandem.lti.launch.LaunchProblem;
import org.tandem.lti.launch.Launches;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's key set endpoint as it really behaves: slow, down, answering garbage,
 * rotating its keys. Launches get a clear refusal, never hang, and recover. Each test has
 * a Moodle of its own, so that key caches start cold.
 */
@Timeout(30)
class PlatformKeySetResilienceTest extends LaunchTestSupport {

	private final List<WireMockServer> sites = new ArrayList<>();

	@AfterEach
	void stopSites() {
		sites.forEach(WireMockServer::stop);
	}

	@Test
	void keySetIsCachedAsLongAsThePlatformSays() {
		Moodle moodle = newMoodle();
		moodle.serveKeys("public, max-age=3600", moodle.platform.key());

		assertThat(moodle.client.launchAs("teacher").status()).isEqualTo(200);
		assertThat(moodle.client.launchAs("teacher").status()).isEqualTo(200);

		assertThat(moodle.platform.keySetFetches()).isEqualTo(1);
	}

	@Test
	void unknownKidFetchesTheKeySetAgainOnceAndIsRefused() {
		Moodle moodle = newMoodle();
		moodle.serveKeys("max-age=3600", moodle.platform.key());
		moodle.client.launchAs("teacher");

		HttpResponse<String> first = moodle.launchSignedWith(TestPlatform.newKey());
		HttpResponse<String> second = moodle.launchSignedWith(TestPlatform.newKey());

		RefusedLaunchesTest.assertRefused(first, LaunchProblem.UNKNOWN_KEY);
		RefusedLaunchesTest.assertRefused(second, LaunchProblem.UNKNOWN_KEY);
		// One fetch at the first launch, one refresh for the first unknown kid; the
		// second unknown kid comes within the minimum interval and fetches nothing.
		assertThat(moodle.platform.keySetFetches()).isEqualTo(2);
	}

	@Test
	void platformThatRotatedItsKeyIsFollowedAfterOneRefresh() {
		Moodle moodle = newMoodle();
		moodle.serveKeys("max-age=3600", moodle.platform.key());
		moodle.client.launchAs("teacher");
		RSAKey rotated = TestPlatform.newKey();
		moodle.serveKeys("max-age=3600", moodle.platform.key(), rotated);

		HttpResponse<String> response = moodle.launchSignedWith(rotated);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(moodle.platform.keySetFetches()).isEqualTo(2);
	}

	@Test
	void launchesWaitingForTheSameUnknownKidShareOneFetch() throws Exception {
		Moodle moodle = newMoodle();
		RSAKey rotated = TestPlatform.newKey();
		moodle.serveKeys("max-age=3600", moodle.platform.key());
		moodle.client.launchAs("teacher");
		moodle.site
			.stubFor(
					get(urlPathEqualTo(TestPlatform.KEYS_PATH)).willReturn(
							aResponse().withStatus(200)
								.withHeader("Content-Type", "application/json")
								.withHeader("Cache-Control", "max-age=3600")
								.withFixedDelay(300)
								.withBody(new com.nimbusds.jose.jwk.JWKSet(
										List.of(moodle.platform.key().toPublicJWK(), rotated.toPublicJWK()))
									.toString())));
		List<Callable<Integer>> launches = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			LaunchClient.Login login = moodle.client.login("teacher");
			String token = moodle.platform.sign(moodle.platform.claims("teacher", login.nonce()), rotated, h -> {
			});
			launches.add(() -> moodle.client.postLaunch(token, login.state()).statusCode());
		}

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Integer> status : pool.invokeAll(launches)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(moodle.platform.keySetFetches()).isEqualTo(2);
	}

	@Test
	void keySetEndpointDownIsAClearRefusalAndLaunchesRecover() {
		Moodle moodle = newMoodle();
		moodle.site.stubFor(get(urlPathEqualTo(TestPlatform.KEYS_PATH)).willReturn(aResponse().withStatus(503)));

		LaunchClient.Page refused = moodle.client.launchAs("teacher");
		moodle.serveKeys("max-age=3600", moodle.platform.key());
		LaunchClient.Page recovered = moodle.client.launchAs("teacher");

		assertThat(refused.status()).isEqualTo(LaunchProblem.KEYS_UNAVAILABLE.status().value());
		assertThat(refused.body()).contains(Messages.html(Messages.french("launch.problem.keys-unavailable.title")));
		assertThat(recovered.status()).isEqualTo(200);
	}

	@Test
	void keySetEndpointTooSlowIsARefusalNotAHang() {
		Moodle moodle = newMoodle();
		moodle.site.stubFor(get(urlPathEqualTo(TestPlatform.KEYS_PATH))
			.willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("{\"keys\":[]}")));

		LaunchClient.Page refused = moodle.client.launchAs("teacher");

		assertThat(refused.status()).isEqualTo(LaunchProblem.KEYS_UNAVAILABLE.status().value());
	}

	@Test
	void keySetEndpointAnsweringGarbageIsARefusalAndLaunchesRecover() {
		Moodle moodle = newMoodle();
		moodle.site.stubFor(get(urlPathEqualTo(TestPlatform.KEYS_PATH)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>Moodle</html>")));

		LaunchClient.Page refused = moodle.client.launchAs("teacher");
		moodle.serveKeys("max-age=3600", moodle.platform.key());
		LaunchClient.Page recovered = moodle.client.launchAs("teacher");

		assertThat(refused.status()).isEqualTo(LaunchProblem.KEYS_UNAVAILABLE.status().value());
		assertThat(recovered.status()).isEqualTo(200);
	}

	@Test
	void lastGoodKeySetKeepsServingWhileTheEndpointIsDown() throws InterruptedException {
		Moodle moodle = newMoodle();
		moodle.serveKeys("max-age=1", moodle.platform.key());
		assertThat(moodle.client.launchAs("teacher").status()).isEqualTo(200);
		// The platform's max-age has passed: the cache must ask again.
		Thread.sleep(1_200);
		moodle.site.stubFor(get(urlPathEqualTo(TestPlatform.KEYS_PATH)).willReturn(aResponse().withStatus(500)));

		LaunchClient.Page page = moodle.client.launchAs("teacher");

		assertThat(page.status()).isEqualTo(200);
		assertThat(moodle.platform.keySetFetches()).isEqualTo(2);
	}

	private Moodle newMoodle() {
		WireMockServer site = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		site.start();
		sites.add(site);
		TestPlatform platform = new TestPlatform(site, TANDEM);
		registry.register(platform.registration(), "resilience-moodle.yml");
		return new Moodle(site, platform, new LaunchClient(TANDEM, platform));
	}

	private record Moodle(WireMockServer site, TestPlatform platform, LaunchClient client) {

		void serveKeys(String cacheControl, RSAKey... keys) {
			site.stubFor(get(urlPathEqualTo(TestPlatform.KEYS_PATH)).willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withHeader("Cache-Control", cacheControl)
				.withBody(new com.nimbusds.jose.jwk.JWKSet(
						java.util.Arrays.stream(keys).map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
					.toString())));
		}

		HttpResponse<String> launchSignedWith(RSAKey key) {
			LaunchClient.Login login = client.login("teacher");
			return client.postLaunch(platform.sign(platform.claims("teacher", login.nonce()), key, h -> {
			}), login.state());
		}

	}

}
