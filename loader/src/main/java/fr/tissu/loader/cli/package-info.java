/**
 * The data commands of {@code tissu} ({@code load}, {@code harvest}, {@code validate}, {@code generate},
 * {@code reindex}, {@code compact}) on a data directory ({@link fr.tissu.loader.cli.DataDirectory}), with their exit
 * codes.
 */
package fr.tissu.loader.cli;
