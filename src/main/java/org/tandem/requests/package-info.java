/**
 * Teachers' requests for help: filing, the status workflow, the conversation and internal
 * notes, assignment, time spent, answer templates, satisfaction. Each piece of news is an
 * event of this package ({@link org.tandem.requests.RequestFiled},
 * {@link org.tandem.requests.RequestReplied}...); other modules read a request through
 * {@link org.tandem.requests.Requests}.
 */
@ApplicationModule(displayName = "Requests", allowedDependencies = { "lti", "artifacts", "system" })
package org.tandem.requests;

import org.springframework.modulith.ApplicationModule;
