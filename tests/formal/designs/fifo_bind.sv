// Binds the checker into the FIFO; `.*` connects ports to same-named signals.
bind fifo fifo_checker u_fifo_checker (.*);
