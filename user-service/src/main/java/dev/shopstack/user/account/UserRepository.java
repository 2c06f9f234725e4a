package dev.shopstack.user.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserRepository extends JpaRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    Optional<User> findByUsername(String username);

    boolean existsByEmail(String email);

    /** Accounts waiting to move to this address (a few at most: each needed its owner's password). */
    List<User> findTop5ByPendingEmail(String pendingEmail);

    boolean existsByUsername(String username);

    @Query("select count(u) > 0 from User u join u.roles r where r = :role")
    boolean existsWithRole(@Param("role") Role role);

    /** Prefix search, so the unique indexes on email and username serve it. */
    @Query("select u from User u where u.email like :prefix% or u.username like :prefix%")
    Page<User> search(@Param("prefix") String prefix, Pageable pageable);
}
