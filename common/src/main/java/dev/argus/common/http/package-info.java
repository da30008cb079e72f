/** HTTP rules shared by the processes' web edges (no servlet types: each process applies them in its own filter). */
package dev.argus.common.http;
