module TopModule(input [15:0] in, output reg [4:0] count);
  integer i;
  reg found;
  always @* begin
    count = 5'd0;
    found = 1'b0;
    for (i = 15; i > 0; i = i - 1)   // bit 0 never examined
      if (in[i]) found = 1'b1;
      else if (!found) count = count + 5'd1;
  end
endmodule
