/** Server-rendered, accessible HTML pages in French and English: no script, no third-party host. */
package fr.tissu.api.html;
