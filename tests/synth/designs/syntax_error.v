// Does not parse.
module syntax_error(input a, output y);
  assign y = a &;
endmodule
