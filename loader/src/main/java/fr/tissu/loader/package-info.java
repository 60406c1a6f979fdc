/**
 * The loader: reads source files (RNA, activities, indicators, digital-support points, RDF), maps each row to
 * triples, validates them against the vocabulary's SHACL shapes, and replaces the file's named graph in the store
 * in one transaction, with its provenance. Invalid rows are reported with file, line, column and reason.
 */
package fr.tissu.loader;
