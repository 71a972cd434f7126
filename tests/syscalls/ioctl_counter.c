/* Counter ioctls on /dev/null (not a counter device: the kernel fails them): the watch
 * request with known and unknown component types, scopes and events, NULL, a bad pointer
 * and a watch cut by the end of a page; the argument-less requests; an unknown 0x3e
 * number. */
#include <fcntl.h>
#include <linux/counter.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	long page = sysconf(_SC_PAGESIZE);
	char *map = mmap(0, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	struct counter_watch w = {
		{ COUNTER_COMPONENT_SYNAPSE_ACTION, COUNTER_SCOPE_SIGNAL, 200, 255 },
		COUNTER_EVENT_CHANGE_OF_STATE, 3 };
	struct counter_watch odd = { { 9, 7, 1, 2 }, 0x80, 0 };

	munmap(map + page, page);
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, &w);
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, &odd);
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, 0);
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, (void *)8);
	memcpy(map + page - 4, &w, 4);
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, map + page - 4);
	memcpy(map + page - sizeof(w), &w, sizeof(w));
	ioctl(fd, COUNTER_ADD_WATCH_IOCTL, map + page - sizeof(w));
	ioctl(fd, COUNTER_ENABLE_EVENTS_IOCTL, 0xdeadbeef);
	ioctl(-1, COUNTER_DISABLE_EVENTS_IOCTL);
	ioctl(fd, _IOR(0x3e, 9, int), &w);
	return 0;
}
