/* GPIO character device ioctls (type 0xb4) on /dev/null (not a GPIO chip: the kernel
 * fails them with ENOTTY; under -e inject=ioctl:retval=N the in/out requests print
 * " => " what they "wrote"): every request with a filled, NULL, unmapped and page-cut
 * pointer; line counts within and past the arrays, unknown flags, v2 attributes of
 * every id (and unknown ones, and with padding used), non-zero padding and event buffer
 * size; an unknown 0xb4 request. */
#include <fcntl.h>
#include <linux/gpio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static void fill(void *p, size_t n, unsigned char seed)
{
	unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)(seed + i * 3);
}

int main(void)
{
	int fd = open("/dev/null", O_RDONLY);
	long page = sysconf(_SC_PAGESIZE);
	char *map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	mprotect(map + page, page, PROT_NONE);
	char *bad = map + page;
	char *cut = map + page - 2;
	static union {
		struct gpiochip_info chip;
		struct gpioline_info line;
		struct gpiohandle_request handle;
		struct gpioevent_request event;
		struct gpiohandle_data data;
		struct gpiohandle_config hconfig;
		struct gpio_v2_line_info info;
		struct gpio_v2_line_request req;
		struct gpio_v2_line_config config;
		struct gpio_v2_line_values values;
		unsigned char bytes[1024];
	} u;
	static const unsigned long reqs[] = {
		GPIO_GET_CHIPINFO_IOCTL, GPIO_GET_LINEINFO_IOCTL, GPIO_GET_LINEINFO_WATCH_IOCTL,
		GPIO_GET_LINEINFO_UNWATCH_IOCTL, GPIO_GET_LINEHANDLE_IOCTL,
		GPIO_GET_LINEEVENT_IOCTL, GPIOHANDLE_GET_LINE_VALUES_IOCTL,
		GPIOHANDLE_SET_LINE_VALUES_IOCTL, GPIOHANDLE_SET_CONFIG_IOCTL,
		GPIO_V2_GET_LINEINFO_IOCTL, GPIO_V2_GET_LINEINFO_WATCH_IOCTL,
		GPIO_V2_GET_LINE_IOCTL, GPIO_V2_LINE_SET_CONFIG_IOCTL,
		GPIO_V2_LINE_GET_VALUES_IOCTL, GPIO_V2_LINE_SET_VALUES_IOCTL,
	};

	for (unsigned int i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		fill(&u, sizeof(u), (unsigned char)i);
		ioctl(fd, reqs[i], &u);
		ioctl(-1, reqs[i], NULL);
		ioctl(fd, reqs[i], bad);
		ioctl(fd, reqs[i], cut);
	}

	memset(&u, 0, sizeof(u));
	strcpy(u.chip.name, "gpiochip0");
	memset(u.chip.label, 'L', sizeof(u.chip.label));   /* no NUL */
	u.chip.lines = 32;
	ioctl(fd, GPIO_GET_CHIPINFO_IOCTL, &u);

	memset(&u, 0, sizeof(u));
	u.line.line_offset = 7;
	u.line.flags = GPIOLINE_FLAG_KERNEL | GPIOLINE_FLAG_BIAS_DISABLE | 0x10000;
	strcpy(u.line.name, "line");
	ioctl(fd, GPIO_GET_LINEINFO_IOCTL, &u);

	memset(&u, 0, sizeof(u));
	for (unsigned int i = 0; i < GPIOHANDLES_MAX; i++) {
		u.handle.lineoffsets[i] = i * 2;
		u.handle.default_values[i] = i & 1;
	}
	u.handle.flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_BIAS_PULL_DOWN;
	strcpy(u.handle.consumer_label, "evdev-gpio");
	u.handle.fd = 3;
	for (unsigned int lines = 0; lines <= 66; lines += 33) {
		u.handle.lines = lines;
		ioctl(fd, GPIO_GET_LINEHANDLE_IOCTL, &u);
	}

	memset(&u, 0, sizeof(u));
	u.event.lineoffset = 3;
	u.event.handleflags = GPIOHANDLE_REQUEST_INPUT;
	u.event.eventflags = GPIOEVENT_REQUEST_RISING_EDGE | 0x8;
	strcpy(u.event.consumer_label, "evdev-gpio");
	u.event.fd = 0;
	ioctl(fd, GPIO_GET_LINEEVENT_IOCTL, &u);
	u.event.eventflags = 0x40;
	ioctl(fd, GPIO_GET_LINEEVENT_IOCTL, &u);

	memset(&u, 0, sizeof(u));
	u.hconfig.flags = 0;
	ioctl(fd, GPIOHANDLE_SET_CONFIG_IOCTL, &u);

	/* v2 line info: every attribute id, an unknown one, padding used */
	memset(&u, 0, sizeof(u));
	strcpy(u.info.name, "v2");
	u.info.offset = 9;
	u.info.flags = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE | (1ULL << 40);
	u.info.attrs[0].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	u.info.attrs[0].flags = GPIO_V2_LINE_FLAG_INPUT;
	u.info.attrs[1].id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	u.info.attrs[1].values = 0xf0f0;
	u.info.attrs[2].id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	u.info.attrs[2].debounce_period_us = 1000;
	u.info.attrs[3].id = 77;
	u.info.attrs[3].values = 5;
	u.info.attrs[4].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	u.info.attrs[4].padding = 1;
	for (unsigned int n = 0; n <= 12; n += 6) {
		u.info.num_attrs = n;
		ioctl(fd, GPIO_V2_GET_LINEINFO_IOCTL, &u);
	}
	u.info.padding[3] = 0xabc;
	ioctl(fd, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, &u);

	/* v2 line request and config */
	memset(&u, 0, sizeof(u));
	for (unsigned int i = 0; i < GPIO_V2_LINES_MAX; i++)
		u.req.offsets[i] = 100 + i;
	strcpy(u.req.consumer, "evdev-gpio");
	u.req.num_lines = 3;
	u.req.config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
	u.req.config.num_attrs = 3;
	u.req.config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	u.req.config.attrs[0].attr.values = 1;
	u.req.config.attrs[0].mask = 3;
	u.req.config.attrs[1].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	u.req.config.attrs[1].attr.debounce_period_us = 20;
	u.req.config.attrs[2].attr.id = 9;
	u.req.config.attrs[2].attr.padding = 2;
	u.req.fd = 5;
	ioctl(fd, GPIO_V2_GET_LINE_IOCTL, &u);
	u.req.num_lines = 100;
	u.req.event_buffer_size = 16;
	u.req.config.num_attrs = 20;
	u.req.config.padding[0] = 1;
	u.req.padding[4] = 2;
	ioctl(fd, GPIO_V2_GET_LINE_IOCTL, &u);
	ioctl(fd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &u.req.config);

	memset(&u, 0, sizeof(u));
	u.values.bits = 0;
	u.values.mask = ~0ULL;
	ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &u);
	ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &u);

	ioctl(fd, _IOC(_IOC_READ | _IOC_WRITE, 0xb4, 0x3f, 8), &u);
	ioctl(fd, _IOC(_IOC_NONE, 0xb4, 0x01, 0), 0);
	return 0;
}
