/**
 * JUnit 5 support for Baton: {@link dev.baton.junit.BatonTest @BatonTest} on a test class whose
 * {@code @Async} methods are the scenarios, and {@link dev.baton.junit.BatonTests#run} to run one
 * on a virtual clock, under a timeout in virtual time, and under shuffled schedules (seeded,
 * replayable). Inside a scenario, {@code await(Baton.waitAllTasksBlocked())} resumes once every
 * other task is blocked: the moment to check what they wait for. The guide's chapter 13 shows them
 * in use.
 */
package dev.baton.junit;
