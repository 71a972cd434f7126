/* Test program for pstrace differential tests (tests/differential/test_fd_decoration.py,
 * test_socket_details_kept): -yy keeps what sock_diag told of a socket, so a connected
 * unix socket still shows its peer after the peer closed; a netlink socket shows its
 * protocol and port id.  argv[1]: a directory for the socket file. */
#define _GNU_SOURCE
#include <linux/netlink.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/sock", argv[1]);
	unlink(sun.sun_path);   /* left by the other tracer's run */
	int srv = socket(AF_UNIX, SOCK_STREAM, 0);
	bind(srv, (struct sockaddr *) &sun, sizeof(sun));
	listen(srv, 1);
	int cli = socket(AF_UNIX, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *) &sun, sizeof(sun));
	int acc = accept(srv, NULL, NULL);
	close(cli);            /* the peer is gone; strace still shows acc's peer */
	close(acc);
	close(srv);

	int nl = socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG);
	struct sockaddr_nl snl = { .nl_family = AF_NETLINK };
	bind(nl, (struct sockaddr *) &snl, sizeof(snl));
	socklen_t len = sizeof(snl);
	getsockname(nl, (struct sockaddr *) &snl, &len);
	close(nl);
	int nl2 = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);   /* unbound: port id 0 */
	close(nl2);
	return 0;
}
