/** HTTP plumbing shared by the features: RFC 9457 problem responses, API exceptions, request guards, paging. */
package dev.argus.frontend.web;
