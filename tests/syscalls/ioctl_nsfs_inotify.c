/* Namespace-descriptor ioctls (0xb7) on the program's own user and network namespace
 * files (NS_GET_USERNS returns a descriptor, NS_GET_NSTYPE a CLONE_NEW* type,
 * NS_GET_OWNER_UID stores a uid), on a bad fd and with NULL and unreadable pointers; and
 * inotify's INOTIFY_IOC_SETNEXTWD ('I') on an inotify descriptor and a bad one. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/nsfs.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "page_tail.h"

#ifndef INOTIFY_IOC_SETNEXTWD
# define INOTIFY_IOC_SETNEXTWD _IOW('I', 0, int)
#endif

int main(void)
{
	unsigned int *uid = tail(sizeof(*uid));
	int user = open("/proc/self/ns/user", O_RDONLY);
	int net = open("/proc/self/ns/net", O_RDONLY);
	int ino = inotify_init1(0);

	ioctl(net, NS_GET_USERNS);
	ioctl(user, NS_GET_PARENT);
	ioctl(net, NS_GET_NSTYPE);
	ioctl(user, NS_GET_NSTYPE);
	ioctl(user, NS_GET_OWNER_UID, uid);
	ioctl(net, NS_GET_OWNER_UID, uid);
	ioctl(user, NS_GET_OWNER_UID, uid + 1);
	ioctl(-1, NS_GET_OWNER_UID, 0);
	syscall(SYS_ioctl, -1, GARBAGE | NS_GET_USERNS, 0x1234);
	ioctl(-1, _IO(0xb7, 0x7f), 0x1234);

	ioctl(ino, INOTIFY_IOC_SETNEXTWD, 5);
	syscall(SYS_ioctl, -1, INOTIFY_IOC_SETNEXTWD, 0xdeadbeeffffffffeUL);
	ioctl(ino, _IOR('I', 1, int), uid);
	return 0;
}
