package dev.shopstack.order;

import dev.shopstack.platform.test.SharedTablesUpgradeContract;

/** This service's database from before its shared tables moved to platform-starter upgrades in place. */
class SharedTablesUpgradeTest extends SharedTablesUpgradeContract {}
