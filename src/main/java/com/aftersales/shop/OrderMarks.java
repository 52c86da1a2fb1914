package com.aftersales.shop;

/**
 * An order's flag (旗帜) with its note and the three remark columns, as the back office holds them
 * now; any of them may be null.
 */
public record OrderMarks(
    Flag flag, String flagNote, String internal, String finance, String shipping) {}
