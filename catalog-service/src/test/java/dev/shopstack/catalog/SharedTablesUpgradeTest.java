package dev.shopstack.catalog;

import dev.shopstack.platform.test.SharedTablesUpgradeContract;

/** This service's database from before its shared tables moved to platform-starter upgrades in place. */
class SharedTablesUpgradeTest extends SharedTablesUpgradeContract {}
