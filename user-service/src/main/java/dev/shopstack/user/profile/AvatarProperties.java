package dev.shopstack.user.profile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What decoding an avatar may cost.
 *
 * @param maxDecodedSize the largest raster a picture may decode to at full size (width x height x bits per pixel,
 *     read from the header before decoding); bigger pictures are refused with 413
 * @param concurrentDecodes decodes one instance runs at once
 * @param decodeWait how long an upload waits for a decode slot before it is answered 503 with Retry-After
 */
@ConfigurationProperties("shop.avatar")
public record AvatarProperties(
        @DefaultValue("40MB") DataSize maxDecodedSize,
        @DefaultValue("2") int concurrentDecodes,
        @DefaultValue("2s") Duration decodeWait) {}
