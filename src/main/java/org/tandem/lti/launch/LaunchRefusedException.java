package org.tandem.lti.launch;

import java.util.List;

/**
 * A login or launch Tandem refuses. The arguments fill the problem's message (an id, a
 * file name) and are never secrets.
 */
public class LaunchRefusedException extends RuntimeException {

	private final LaunchProblem problem;

	private final List<Object> arguments;

	public LaunchRefusedException(LaunchProblem problem, Object... arguments) {
		super(problem.name() + " " + List.of(arguments));
		this.problem = problem;
		this.arguments = List.of(arguments);
	}

	public LaunchRefusedException(LaunchProblem problem, Throwable cause, Object... arguments) {
		this(problem, arguments);
		initCause(cause);
	}

	public LaunchProblem problem() {
		return problem;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}

}
