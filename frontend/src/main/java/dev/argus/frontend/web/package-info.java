/** HTTP plumbing shared by the features: RFC 9457 problem responses, API exceptions and paging. */
package dev.argus.frontend.web;
