/**
 * Publishing into the running service: the authenticated admin API ({@code /admin/loads}, {@code /admin/graphs}),
 * the one publication queue it feeds, and the audit log of every attempt.
 */
package fr.tissu.api.admin;
