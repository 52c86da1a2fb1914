package com.aftersales.cases;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where buyers send returns ({@code aftersales.return-address}), checked when the application
 * starts. Every flow that tells a buyer where to send goods back (claims, returns, exchanges,
 * refunds) puts it into the message and shows it on the agent's form.
 *
 * @param returnAddress the address as the buyer is to write it on the parcel
 */
@Validated
@ConfigurationProperties(prefix = "aftersales")
public record ReturnAddress(@NotBlank String returnAddress) {}
