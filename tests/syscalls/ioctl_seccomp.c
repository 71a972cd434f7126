/* Seccomp user notifications: a filter installed with SECCOMP_FILTER_FLAG_NEW_LISTENER
 * sends getppid to its listener; a forked child calls it, the parent receives the
 * notification, checks its id (in both directions), adds descriptors to the child and
 * answers.  Every request also with NULL and page-cut pointers, a non-zeroed struct,
 * unknown flags, an -ENOSR error, a stale id, on descriptors that are no listener; an
 * unknown '!' number and SECCOMP_IOCTL_NOTIF_SET_FLAGS (newer than strace 6.1).  The
 * first ioctl is the one a test injects a success into (its struct printed twice). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#define PAGE 4096

/* a struct ending where the mapped page ends (the next page is unmapped) */
#define AT_END(type) ((type *) (end - sizeof(type)))

int main(void)
{
	struct sock_filter insns[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_USER_NOTIF),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(insns) / sizeof(insns[0]), insns };
	char *page = mmap((void *) 0x7e000000, 2 * PAGE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	char *end = page + PAGE;
	munmap(end, PAGE);
	struct seccomp_notif *notif = AT_END(struct seccomp_notif);
	struct seccomp_notif_resp *resp = AT_END(struct seccomp_notif_resp);
	struct seccomp_notif_addfd *addfd = AT_END(struct seccomp_notif_addfd);
	__u64 *id = AT_END(__u64);
	int null_fd = open("/dev/null", O_RDONLY);
	sigset_t chld;

	/* no SIGCHLD line, which could come after any of the last calls */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);

	/* a struct the kernel refuses (EINVAL) before waiting: printed " => " its address */
	memset(notif, 0, sizeof(*notif));
	notif->id = 0xdeadc0debadc0dedULL;
	notif->pid = 1;
	notif->flags = 0xdeefaced;
	notif->data.nr = __NR_gettid;
	notif->data.arch = 0xc000003e;	/* AUDIT_ARCH_X86_64 */
	for (int i = 0; i < 6; i++)
		notif->data.args[i] = 0xdeadfacebadc0dedULL ^ i;
	ioctl(null_fd, SECCOMP_IOCTL_NOTIF_RECV, notif);
	notif->data.nr = 0xbad5ca11;
	notif->data.arch = 0xfeedface;
	notif->data.instruction_pointer = 0x7e000010;
	ioctl(null_fd, SECCOMP_IOCTL_NOTIF_RECV, notif);

	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	int listener = syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER,
			       SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	pid_t child = fork();
	if (child == 0) {
		syscall(__NR_getppid);	/* waits for the parent's answer */
		_exit(0);
	}

	ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, NULL);
	ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, (char *) notif + 1);
	ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, notif);	/* not zeroed: EINVAL */
	memset(notif, 0, sizeof(*notif));
	ioctl(null_fd, SECCOMP_IOCTL_NOTIF_RECV, notif);	/* no listener: ENOTTY */
	ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, notif);	/* the child's getppid */
	__u64 got = notif->id;

	ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, NULL);
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, (char *) id + 1);
	*id = got;
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, id);
	ioctl(listener, _IOR(SECCOMP_IOC_MAGIC, 2, __u64), id);	/* before Linux 5.8 */
	*id = got + 1;
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, id);	/* ENOENT */
	*id = 0;
	ioctl(listener, _IOR(SECCOMP_IOC_MAGIC, 2, __u64), id);

	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, NULL);
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, (char *) addfd + 1);
	*addfd = (struct seccomp_notif_addfd) { got, 0x80, null_fd, 0, O_CLOEXEC };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);	/* unknown flag: EINVAL */
	*addfd = (struct seccomp_notif_addfd) { got, 0, -1, 0, 0 };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);	/* EBADF */
	*addfd = (struct seccomp_notif_addfd) { got, 0, null_fd, 0, O_CLOEXEC };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	*addfd = (struct seccomp_notif_addfd) { got, SECCOMP_ADDFD_FLAG_SETFD, null_fd, 100,
						O_CLOEXEC | O_DSYNC | 0x1 };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);	/* O_WRONLY bit: EINVAL */
	addfd->newfd_flags = O_CLOEXEC;
	ioctl(listener, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);
	addfd->flags = 0xbadc0de0;
	addfd->newfd = -2;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, addfd);

	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, NULL);
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, (char *) resp + 1);
	*resp = (struct seccomp_notif_resp) { got, 42, 0, 0x80 };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp);	/* unknown flag: EINVAL */
	*resp = (struct seccomp_notif_resp) { got, 42, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp);	/* CONTINUE with a value */
	*resp = (struct seccomp_notif_resp) { got + 1, -1, -ENOSR, 0 };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp);	/* stale id: ENOENT */
	*resp = (struct seccomp_notif_resp) { got, -1, (int) 0xbadc0ded,
					      SECCOMP_USER_NOTIF_FLAG_CONTINUE | 0xf0 };
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, resp);
	*resp = (struct seccomp_notif_resp) { got, 42, 0, 0 };
	ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, resp);	/* the child goes on */

	ioctl(listener, SECCOMP_IOCTL_NOTIF_ID_VALID, id);	/* answered: ENOENT */
	ioctl(listener, _IOW(SECCOMP_IOC_MAGIC, 4, __u64), 0xdeadbeefUL);	/* SET_FLAGS */
	ioctl(listener, _IOW(SECCOMP_IOC_MAGIC, 9, __u64), notif);
	ioctl(listener, _IOWR(SECCOMP_IOC_MAGIC, 0, struct seccomp_data), notif);
	waitpid(child, NULL, 0);
	return 0;
}
