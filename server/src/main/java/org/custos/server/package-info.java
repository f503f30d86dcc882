/**
 * HTTP API and web dashboard: sign-in, roles, pseudonymization, audit of every view.
 */
package org.custos.server;
