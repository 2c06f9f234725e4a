package dev.shopstack.user.admin;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shopstack.user.account.PasswordPolicy;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class BootstrapAdminTest {

    private static BootstrapAdmin withPassword(String password) {
        return new BootstrapAdmin(
                new BootstrapAdminProperties("root@shop.example", "root", password),
                null,
                null,
                new PasswordPolicy(),
                null,
                Clock.systemUTC());
    }

    @Test
    void aBootstrapPasswordThatFailsThePasswordPolicyStopsTheStart() {
        for (String weak : new String[] {"administrator", "112233445566", "root@shop.example"}) {
            assertThatThrownBy(() -> withPassword(weak).run(new DefaultApplicationArguments()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("shop.bootstrap-admin.password (SHOP_ADMIN_PASSWORD) is refused");
        }
    }
}
