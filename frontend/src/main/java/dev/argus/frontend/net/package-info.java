/** Network address rules shared by the front doors and the webhooks: address literals and CIDR ranges. */
package dev.argus.frontend.net;
