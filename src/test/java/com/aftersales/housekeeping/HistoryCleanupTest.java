package com.aftersales.housekeeping;

/** {@link HistoryCleanupScenarios} on the tests' in-memory H2. */
class HistoryCleanupTest extends HistoryCleanupScenarios {}
