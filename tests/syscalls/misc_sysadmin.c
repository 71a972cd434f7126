/* Namespaces, new descriptors, page-cache hints and odd admin calls: unshare, setns,
 * eventfd/eventfd2, userfaultfd, umount2, ustat, readahead, sync_file_range,
 * process_mrelease, landlock_restrict_self, set_thread_area/get_thread_area, times.
 * Every call fails harmlessly or does nothing lasting. */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <unistd.h>

int main(void)
{
	struct user_desc d;
	struct tms t;
	struct rusage ru;
	long garbage = (long)0xdefaced00000000ULL;
	volatile unsigned long spin;

	syscall(SYS_unshare, 0);
	syscall(SYS_unshare, 0x40000000UL);              /* CLONE_NEWNET without rights */
	syscall(SYS_unshare, 0xbadc0ded0000000fUL);
	syscall(SYS_unshare, 0x7e020000UL | 0x1UL);
	syscall(SYS_setns, -1, 0);
	syscall(SYS_setns, garbage | 3, 0x20000000);     /* CLONE_NEWUTS */
	syscall(SYS_setns, 0, 0x80UL | 0x8000000UL);
	syscall(SYS_setns, 0, 0x1UL);
	syscall(SYS_eventfd, 7);
	syscall(SYS_eventfd2, 0xffffffffUL, O_CLOEXEC | O_NONBLOCK | 1);
	syscall(SYS_eventfd2, 1, 0);
	syscall(SYS_eventfd2, 1, 0x2);
	syscall(SYS_userfaultfd, 0xffffffffUL);
	syscall(SYS_userfaultfd, O_CLOEXEC);
	syscall(SYS_umount2, "/nonexistent/pstrace", 0x1f);
	syscall(SYS_umount2, "/nonexistent/pstrace", 0);
	syscall(SYS_umount2, 0, 0x80);
	syscall(SYS_ustat, 0xffffffffUL, 0);
	syscall(SYS_ustat, 0x0801, &t);
	syscall(SYS_readahead, -1, -1L, 4096);
	syscall(SYS_readahead, 0, 1L << 40, -1L);
	syscall(SYS_sync_file_range, garbage | 0xffffffffUL, 0xdeadbeefbadc0dedUL, 1, 0xffffffffUL);
	syscall(SYS_sync_file_range, 0, 0, 0, 0);
	syscall(SYS_sync_file_range, 0, 0, 0, 0x8);
	syscall(SYS_process_mrelease, -1, 0);
	syscall(SYS_process_mrelease, garbage | 0, garbage | 0xfacefeed);
	syscall(SYS_landlock_restrict_self, -1, 0);
	syscall(SYS_landlock_restrict_self, 1, 0xffffffffUL);
	syscall(SYS_set_thread_area, 0);
	syscall(SYS_get_thread_area, 0);
	syscall(SYS_set_thread_area, 1);
	syscall(SYS_get_thread_area, 1);
	memset(&d, 0, sizeof d);
	d.entry_number = -1;
	d.seg_32bit = 1;
	d.useable = 1;
	syscall(SYS_set_thread_area, &d);
	d.entry_number = 12;
	syscall(SYS_get_thread_area, &d);
	/* user and system time both past 50 ms (getrusage and getppid are not traced), so
	 * that times() has a nonzero tms_utime and tms_stime to comment in every run */
	for (;;) {
		getrusage(RUSAGE_SELF, &ru);
		if (ru.ru_utime.tv_usec + ru.ru_utime.tv_sec * 1000000 > 50000 &&
		    ru.ru_stime.tv_usec + ru.ru_stime.tv_sec * 1000000 > 50000)
			break;
		for (spin = 0; spin < 100000UL; spin++)
			;
		for (spin = 0; spin < 200; spin++)
			syscall(SYS_getppid);
	}
	syscall(SYS_times, &t);
	syscall(SYS_times, 0);
	return 0;
}
