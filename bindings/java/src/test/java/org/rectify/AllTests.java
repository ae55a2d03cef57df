package org.rectify;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every test of the Java binding and exits nonzero when one fails.
 *
 * <p>Usage: AllTests INCLUDE_DIR SEED_CASE WORK_DIR, with the library named by RECTIFY_LIBRARY
 * (ctest sets it to the one just built). A test is a named Runnable; a failure prints its name
 * and stack trace and the run goes on, so one report shows every failure.
 */
public final class AllTests {
    interface Test {
        void run() throws Exception;
    }

    private final List<String> failed = new ArrayList<>();
    private int passed;

    void run(String name, Test test) {
        try {
            test.run();
            passed++;
            System.out.println("ok   " + name);
        } catch (Throwable e) {
            failed.add(name);
            System.out.println("FAIL " + name);
            e.printStackTrace(System.out);
        }
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: AllTests INCLUDE_DIR SEED_CASE WORK_DIR");
            System.exit(2);
        }
        Path include = Paths.get(args[0]);
        Path seed = Paths.get(args[1]);
        Path work = Paths.get(args[2]);
        AllTests runner = new AllTests();
        new HeadersTest(include).register(runner);
        new LoadingTest().register(runner);
        new JsonTest().register(runner);
        new DatabaseTest(seed, work).register(runner);
        new CalendarTest().register(runner);
        System.out.println(runner.passed + " passed, " + runner.failed.size() + " failed");
        if (!runner.failed.isEmpty()) {
            System.out.println("failed: " + String.join(", ", runner.failed));
            System.exit(1);
        }
    }
}
